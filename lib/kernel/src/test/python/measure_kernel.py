"""Measures the Java (Glue Lab) kernel through the real Jupyter protocol.

    JUPYTER_PATH=<dir with kernels/java> /usr/bin/python3 measure_kernel.py [starts] [cells] [--json]

Prints the median time from launching the kernel process to the first execute_result, and the median
round trip of a trivial cell on a warm kernel (with --json: every sample, for ./lab bench). Not a test:
numbers depend on the machine.
"""
import json
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def run_cell(client, code):
    msg_id = client.execute(code)
    result = None
    while True:
        msg = client.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "execute_result":
            result = msg["content"]["data"]
        elif kind == "error":
            raise RuntimeError(msg["content"])
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            return result


def main():
    as_json = "--json" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--json"]
    starts = int(args[0]) if len(args) > 0 else 5
    cells = int(args[1]) if len(args) > 1 else 50
    start_times, cell_times = [], []
    for attempt in range(starts):
        manager = KernelManager(kernel_name="java")
        began = time.perf_counter()
        manager.start_kernel()
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        result = run_cell(client, "1 + 1")
        start_times.append(time.perf_counter() - began)
        assert result == {"text/plain": "2"}, result
        if attempt == 0:
            for _ in range(cells):
                t0 = time.perf_counter()
                run_cell(client, "1")
                cell_times.append(time.perf_counter() - t0)
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    if as_json:
        print(json.dumps({"start_seconds": start_times, "cell_seconds": cell_times}))
        return
    print("start to first result: median %.2f s over %d starts (%s)"
          % (statistics.median(start_times), len(start_times), ", ".join("%.2f" % t for t in start_times)))
    print("trivial cell round trip: median %.1f ms over %d cells (min %.1f, max %.1f)"
          % (1000 * statistics.median(cell_times), len(cell_times), 1000 * min(cell_times), 1000 * max(cell_times)))


if __name__ == "__main__":
    main()
