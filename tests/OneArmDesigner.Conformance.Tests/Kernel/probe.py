"""Sends one flow's first packet from inside the source host's namespace and says how the exchange ended.

Usage: probe.py tcp|udp|icmp DESTINATION PORT SOURCE_PORT TTL
Prints one line:
  completed [TTL]         handshake done / UDP reply / echo reply (with the reply's TTL for ICMP)
  refused                 a TCP RST
  port-unreachable        an ICMP port unreachable for the UDP datagram
  time-exceeded ADDRESS   an ICMP time exceeded, from that router
  unreachable CODE        another ICMP destination unreachable
  timeout                 nothing came back
"""
import errno
import select
import socket
import struct
import sys
import time

protocol, destination, port, source_port, ttl = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
WAIT = 1.5


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    total = (total >> 16) + (total & 0xFFFF)
    total += total >> 16
    return ~total & 0xFFFF


def tcp():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
    sock.bind(("0.0.0.0", source_port))
    sock.settimeout(WAIT)
    try:
        sock.connect((destination, port))
        return "completed"
    except ConnectionRefusedError:
        return "refused"
    except socket.timeout:
        return "timeout"
    except OSError as error:
        return "unreachable " + errno.errorcode.get(error.errno, str(error.errno))


def udp():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
    sock.bind(("0.0.0.0", source_port))
    sock.connect((destination, port))
    sock.settimeout(WAIT)
    sock.send(b"probe")
    try:
        sock.recv(2048)
        return "completed"
    except ConnectionRefusedError:
        return "port-unreachable"
    except socket.timeout:
        return "timeout"
    except OSError as error:
        return "unreachable " + errno.errorcode.get(error.errno, str(error.errno))


def icmp():
    sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
    identifier = 0x4f41
    header = struct.pack("!BBHHH", 8, 0, 0, identifier, 1) + b"onearm"
    packet = struct.pack("!BBHHH", 8, 0, checksum(header), identifier, 1) + b"onearm"
    sock.sendto(packet, (destination, 0))
    deadline = time.monotonic() + WAIT
    while (left := deadline - time.monotonic()) > 0:
        if not select.select([sock], [], [], left)[0]:
            break
        data, (sender, _) = sock.recvfrom(2048)
        header_length = (data[0] & 0x0F) * 4
        message_type, code = data[header_length], data[header_length + 1]
        if message_type == 0 and sender == destination:
            return f"completed {data[8]}"
        if message_type == 11:
            return f"time-exceeded {sender}"
        if message_type == 3:
            return f"unreachable {code}"
    return "timeout"


print({"tcp": tcp, "udp": udp, "icmp": icmp}[protocol](), flush=True)
