/** WAGI's CGI side: the request as CGI variables, the guest's stdout parsed as a CGI response. */
package dev.verge.edge.wagi;
