"""Executes notebooks with nbclient on the kernelspec "java", as Jupyter tooling would.

    JUPYTER_PATH=<dir with kernels/java> /usr/bin/python3 execute_with_nbclient.py [--kernel NAME] [--messages FILE] <out-dir> <notebook>...

Each notebook runs in its own kernel, started in the notebook's directory; the executed copy is written to
<out-dir>/<name>.ipynb. Errors are recorded in the notebook rather than raised, so the caller sees them all.
With --messages, every IOPub message nbclient receives for a cell is also written to FILE as JSON lines
({"notebook", "cell", "msg_type", "content"}): what nbformat does not keep, such as update_display_data and
transient display ids.
"""
import argparse
import json
import os

import nbformat
from nbclient import NotebookClient


class RecordingClient(NotebookClient):
    """An nbclient that also writes down the IOPub messages of each cell."""

    def __init__(self, notebook, record, **kwargs):
        super().__init__(notebook, **kwargs)
        self.record = record

    def process_message(self, msg, cell, cell_index):
        if self.record is not None:
            self.record(cell_index, msg)
        return super().process_message(msg, cell, cell_index)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", default="java")
    parser.add_argument("--messages")
    parser.add_argument("out_dir")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    messages = open(args.messages, "w", encoding="utf-8") if args.messages else None
    try:
        for path in args.notebooks:
            name = os.path.basename(path)

            def record(cell_index, msg):
                if messages is not None:
                    messages.write(json.dumps({"notebook": name, "cell": cell_index, "msg_type": msg["msg_type"],
                                               "content": msg["content"]}) + "\n")

            notebook = nbformat.read(path, as_version=4)
            client = RecordingClient(notebook, record, kernel_name=args.kernel, timeout=120, startup_timeout=60,
                                     allow_errors=True,
                                     resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
            client.execute()
            nbformat.write(notebook, os.path.join(args.out_dir, name))
            print("executed", path, flush=True)
    finally:
        if messages is not None:
            messages.close()


if __name__ == "__main__":
    main()
