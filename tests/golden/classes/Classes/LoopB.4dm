// Extends LoopA, which extends LoopB: a circle.
Class extends LoopA
