"""Measures %maven through the real Jupyter protocol, with everything already in the local repository.

    JUPYTER_PATH=<dir with kernels/java> /usr/bin/python3 measure_maven.py [starts] <group:artifact:version>...

For each of [starts] fresh kernels: the round trip of the first %maven cell (Maven Resolver starts, resolves
offline from ~/.m2 and adds the jars), then of the same cell again (the graph resolved again, nothing added).
Prints medians. Not a test: numbers depend on the machine.
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def run_cell(client, code):
    msg_id = client.execute(code)
    while True:
        msg = client.get_iopub_msg(timeout=300)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            raise RuntimeError(msg["content"]["evalue"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return


def main():
    starts = int(sys.argv[1])
    cell = "%maven " + " ".join(sys.argv[2:])
    first, again = [], []
    for _ in range(starts):
        manager = KernelManager(kernel_name="java")
        manager.start_kernel()
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        run_cell(client, "1 + 1")
        for samples in (first, again):
            began = time.perf_counter()
            run_cell(client, cell)
            samples.append(time.perf_counter() - began)
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    print("%s, offline from the local repository:" % cell)
    print("  first in a kernel: median %.0f ms over %d kernels (%s)"
          % (1000 * statistics.median(first), starts, ", ".join("%.0f" % (1000 * t) for t in first)))
    print("  again:             median %.0f ms (%s)"
          % (1000 * statistics.median(again), ", ".join("%.0f" % (1000 * t) for t in again)))


if __name__ == "__main__":
    main()
