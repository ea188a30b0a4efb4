"""Drives one "java" kernel through jupyter_client and reports what it answered, as JSON on stdout.

    JUPYTER_PATH=<dir with kernels/java> /usr/bin/python3 drive_kernel.py

Covers what notebook execution does not: kernel_info, completion, inspection, is_complete, interrupting a
running cell and using the kernel afterwards. The kernel process's own stderr is captured too: the kernel
must not log there.
"""
import json
import tempfile
import sys
import time

from jupyter_client.manager import KernelManager


def outputs_of(client, code, interrupt_on_output=None, interrupt_after="stream"):
    """Runs a cell and collects its outputs; with a KernelManager, interrupts the cell once it sent an
    `interrupt_after` output (a stream, or an update of a display)."""
    msg_id = client.execute(code)
    outputs = []
    while True:
        msg = client.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind in ("stream", "display_data", "update_display_data", "execute_result", "error"):
            outputs.append({"type": kind, "content": msg["content"]})
            if kind == interrupt_after and interrupt_on_output is not None:
                interrupt_on_output.interrupt_kernel()
                interrupt_on_output = None
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = client.get_shell_msg(timeout=60)
    return {"outputs": outputs, "status": reply["content"]["status"]}


WAIT_FOREVER = """gluelab.lab.wait.StateWaiter.onStdout(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(200))
    .await("Run jr_1 of lab01-job", () -> "RUNNING", s -> s, s -> false, (s, waited) -> "",
           java.time.Duration.ofMinutes(10), null)"""


def run_all(client, cells):
    """Sends every cell at once, as Jupyter's Run All does, and reports each reply's status and what was printed."""
    msg_ids = [client.execute(code) for code in cells]
    statuses = {}
    while len(statuses) < len(msg_ids):
        reply = client.get_shell_msg(timeout=60)
        parent = reply["parent_header"].get("msg_id")
        if parent in msg_ids:
            statuses[parent] = reply["content"]["status"]
    printed = []
    while True:
        try:
            msg = client.get_iopub_msg(timeout=2)
        except Exception:
            break
        if msg["parent_header"].get("msg_id") in msg_ids and msg["msg_type"] == "stream":
            printed.append(msg["content"]["text"])
    return {"statuses": [statuses[msg_id] for msg_id in msg_ids], "printed": printed}


def shell_reply(client, msg_id):
    while True:
        reply = client.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def main():
    manager = KernelManager(kernel_name="java")
    kernel_stderr = tempfile.TemporaryFile()
    kernel_stdout = tempfile.TemporaryFile()
    manager.start_kernel(stderr=kernel_stderr, stdout=kernel_stdout)
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    report = {}
    try:
        report["kernel_info"] = client.kernel_info(reply=True, timeout=30)["content"]
        outputs_of(client, 'String greeting = "hello";')
        report["complete"] = client.complete("greeting.toUpp", 14, reply=True, timeout=30)["content"]
        report["inspect"] = client.inspect("Math.max(", 9, reply=True, timeout=30)["content"]
        report["is_complete_yes"] = shell_reply(client, client.is_complete("int x = 1;"))
        report["is_complete_no"] = shell_reply(client, client.is_complete("for (int i = 0; i < 3; i++) {"))
        started = time.perf_counter()
        report["interrupted"] = outputs_of(client, 'System.out.println("spinning");\nlong spins = 0;\nwhile (true) { spins++; }',
                                           interrupt_on_output=manager)
        report["interrupt_seconds"] = time.perf_counter() - started
        report["after_interrupt"] = outputs_of(client, "greeting + \" again\"")
        # A lab wait (a job run, a crawl) that never ends: its progress line updates in place until the interrupt.
        report["interrupted_wait"] = outputs_of(client, WAIT_FOREVER, interrupt_on_output=manager,
                                                interrupt_after="update_display_data")
        report["after_interrupted_wait"] = outputs_of(client, "greeting + \" after the wait\"")
        report["run_all_after_an_error"] = run_all(client, ['throw new IllegalStateException("boom");',
                                                             'System.out.println("queued behind the error");',
                                                             'greeting + " queued too"'])
        report["after_run_all"] = outputs_of(client, "greeting + \" after Run All\"")
        report["streams"] = outputs_of(client, 'System.out.println("out 1");\nSystem.err.println("err 1");\nSystem.out.println("out 2");')
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    for name, captured in (("kernel_stderr", kernel_stderr), ("kernel_stdout", kernel_stdout)):
        captured.seek(0)
        report[name] = captured.read().decode("utf-8", "replace")
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
