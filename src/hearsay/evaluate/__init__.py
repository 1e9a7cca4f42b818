"""Measuring extraction: ``polnear`` (PolNeAR-style data), ``gold`` (reference readings), ``gate`` (floors).

``brat`` reads standoff annotations, ``overlap`` turns spans into word tokens and matches them,
``metrics`` scores one document and sums the counts, ``cue_types`` types attributions for the breakdown.
``meantime`` (CAT XML via ``cat``) and ``factuality`` (-3..3 JSONL) score event factuality;
``classes`` gives per-class P/R/F1 and macro-F1.
"""
