"""Requests for information (RFI) between agencies: deadlines by urgency tier and bilateral
agreement, acknowledgements, replies, refusals, reminders and escalation on both nodes."""
