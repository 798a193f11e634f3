"""The formula catalogue reader of amending instructions (issue 13): tokens, catalogue, reader."""
