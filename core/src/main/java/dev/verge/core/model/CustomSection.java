package dev.verge.core.model;

/**
 * A custom section, kept verbatim.
 *
 * @param after the id of the last non-custom section before it (0 when it comes first), so an
 *     encoder can put it back where it was
 */
public record CustomSection(String name, Bytes content, int after) {}
