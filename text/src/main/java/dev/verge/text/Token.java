package dev.verge.text;

/** The kinds of tokens of the text format (and of WAST scripts, which share its lexical syntax). */
public enum Token {
    /** {@code (}. */
    LPAREN,
    /** {@code )}. */
    RPAREN,
    /** A keyword: starts with a lowercase letter ({@code module}, {@code i32.add}, {@code offset=8}). */
    KEYWORD,
    /** An identifier: {@code $} followed by identifier characters. */
    ID,
    /** An unsigned integer: decimal or {@code 0x} hexadecimal, underscores allowed between digits. */
    NAT,
    /** A signed integer: {@code +} or {@code -} then a {@link #NAT}. */
    INT,
    /** A float: decimal or hexadecimal with a fraction or exponent, {@code inf}, {@code nan}, {@code nan:0x...}. */
    FLOAT,
    /** A string literal; {@link Lexer#stringBytes()} gives its bytes. */
    STRING,
    /** Identifier characters that form none of the above; always an error when used. */
    RESERVED,
    /** The end of the input. */
    EOF
}
