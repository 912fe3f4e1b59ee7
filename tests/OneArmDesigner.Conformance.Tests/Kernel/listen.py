"""Answers on a host's listening ports inside its network namespace: TCP ports accept and close, UDP ports echo.

Usage: listen.py tcp:PORT ... udp:PORT ...   Prints "ready" once every socket is bound, then serves until killed.
"""
import selectors
import socket
import sys

selector = selectors.DefaultSelector()
for spec in sys.argv[1:]:
    kind, port = spec.split(":")
    if kind == "tcp":
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("0.0.0.0", int(port)))
        sock.listen(16)
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind(("0.0.0.0", int(port)))
    selector.register(sock, selectors.EVENT_READ, kind)

print("ready", flush=True)
while True:
    for key, _ in selector.select():
        if key.data == "tcp":
            connection, _ = key.fileobj.accept()
            connection.close()
        else:
            data, sender = key.fileobj.recvfrom(2048)
            key.fileobj.sendto(data, sender)
