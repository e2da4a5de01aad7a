/** The app manifest ({@code verge.toml}): its model and the parser that refuses bad manifests naming the field. */
package dev.verge.edge.manifest;
