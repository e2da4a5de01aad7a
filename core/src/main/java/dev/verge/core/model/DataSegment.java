package dev.verge.core.model;

/** A data segment: bytes, and whether they are copied into a memory at instantiation. */
public record DataSegment(SegmentMode mode, Bytes init) {}
