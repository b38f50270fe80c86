"""Stage 5: rewrite. The rules rewriter: the user's own draft with each flag fixed."""
