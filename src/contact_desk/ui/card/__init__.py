"""The contact card beside the customer page: collapsible sections about reaching the customer."""
