"""Label names shared by the taggers, their training and their decoding."""

OUTSIDE = "O"
CUE_BEGIN = "B"
CUE_INSIDE = "I"
SOURCE = "S"
CONTENT = "C"
