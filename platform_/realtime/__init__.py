"""Realtime transport: WebSocket routing, socket authentication, group naming and server pushes."""
