#!/usr/bin/env python3
"""Runs a command and prints, at the end, its wall time, the CPU time of every process it started (dotnet test's test
host, a CLI it runs, Chromium...) and the CPU time PostgreSQL's server processes used meanwhile (every server on the
machine, so on a shared machine read it as an upper bound). `time` cannot give the first: the CPU of dotnet test's test host
does not reach the shell's figures (`time` gave 2.4 s of user time for a 6-minute run of the web tests).

    scripts/cpu-time.py dotnet test tests/SchoolSight.Web.Tests -c Release --no-build

Processes are looked at four times a second; one that starts and ends between two looks is missed.
"""
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def processes():
    """pid -> (parent pid, start time, own CPU seconds, reaped children's CPU seconds, command name)."""
    table = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text[text.rindex(")") + 2:].split()
        table[int(pid)] = (int(fields[1]), int(fields[19]), (int(fields[11]) + int(fields[12])) / TICKS,
                           (int(fields[13]) + int(fields[14])) / TICKS, name)
    return table


def postgres_cpu(table):
    """(postmaster pid, start) -> CPU of that PostgreSQL server so far: its own, its ended backends' and its live ones'."""
    servers = {}
    for pid, (parent, start, own, reaped, name) in table.items():
        if name == "postgres" and table.get(parent, (0, 0, 0, 0, ""))[4] != "postgres":
            live = sum(row[2] for row in table.values() if row[0] == pid)
            servers[(pid, start)] = own + reaped + live
    return servers


def main():
    started = time.monotonic()
    postgres_at_start = postgres_cpu(processes())
    postgres_last = dict(postgres_at_start)
    command = subprocess.Popen(sys.argv[1:])
    ours = {command.pid: None}
    cpu = {}
    while True:
        table = processes()
        postgres_last.update(postgres_cpu(table))
        for pid, (parent, start, own, _, name) in table.items():
            if pid in ours and ours[pid] not in (None, start):
                continue  # the pid was reused by a process that is not ours
            if (pid in ours or parent in ours) and name != "postgres":  # a server the command starts counts as PostgreSQL's
                ours[pid] = start
                cpu[(pid, start)] = own
        if command.poll() is not None:
            break
        time.sleep(0.25)
    wall = time.monotonic() - started
    postgres = sum(value - postgres_at_start.get(key, 0.0) for key, value in postgres_last.items())
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    total = sum(cpu.values())
    print(f"cpu-time: wall {wall:.1f} s; the command's processes {total:.1f} s of CPU ({total / wall:.2f} cores); "
          f"PostgreSQL {postgres:.1f} s of CPU; load average at the end {load}", file=sys.stderr)
    sys.exit(command.returncode)


if __name__ == "__main__":
    main()
