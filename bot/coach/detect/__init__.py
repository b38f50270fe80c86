"""Stage 2: detect. Rules and the trained model yield scored candidates for every flag code."""
