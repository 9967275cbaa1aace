"""The exchange between sovereign nodes: keys, signed and encrypted envelopes, outbox, inbox,
receipts, peers and transport. See docs/protocol.md.
"""
