// Extends LoopB, which extends LoopA: a circle.
Class extends LoopB
