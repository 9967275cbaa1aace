"""The meeting mechanism: series, meetings, minutes agreed by both sides, resolutions and the actions tracked until the next meeting."""
