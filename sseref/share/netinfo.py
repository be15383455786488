"""This computer's addresses, for the host to pick the network the room is on (no socket used)."""

from __future__ import annotations

import ipaddress
from typing import NamedTuple

LOOPBACK = "127.0.0.1"
ALL_INTERFACES = "0.0.0.0"  # noqa: S104 - offered to the host, never the default


class Address(NamedTuple):
    """One IPv4 address of a network interface (`wlan0`, `Wi-Fi`, …)."""

    interface: str
    ip: str

    @property
    def is_loopback(self) -> bool:
        return ipaddress.ip_address(self.ip).is_loopback


def local_addresses() -> list[Address]:
    """IPv4 addresses of the configured interfaces, the room's networks first, loopback last.

    psutil reads them from the operating system's interface table (getifaddrs); nothing is sent
    anywhere. Called only when the host opens the Share dialog or runs `sseref serve`.
    """
    import socket

    import psutil

    found: list[Address] = []
    for name, addrs in psutil.net_if_addrs().items():
        for addr in addrs:
            if addr.family == socket.AF_INET and addr.address:
                found.append(Address(name, addr.address))
    found.sort(key=lambda a: (a.is_loopback, ipaddress.ip_address(a.ip).is_link_local, a.ip))
    if not any(a.ip == LOOPBACK for a in found):
        found.append(Address("lo", LOOPBACK))
    return found


def site_urls(host: str, port: int) -> list[str]:
    """The addresses to give the room: every interface's when listening on all of them."""
    if host in (ALL_INTERFACES, "", "::"):
        hosts = [a.ip for a in local_addresses() if not a.is_loopback] or [LOOPBACK]
    else:
        hosts = [host]
    return [f"http://{f'[{h}]' if ':' in h else h}:{port}/" for h in hosts]
