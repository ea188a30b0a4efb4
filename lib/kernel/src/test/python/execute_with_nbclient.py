"""Executes notebooks with nbclient on the kernelspec "java", as Jupyter tooling would.

    JUPYTER_PATH=<dir with kernels/java> /usr/bin/python3 execute_with_nbclient.py <out-dir> <notebook>...

Each notebook runs in its own kernel, started in the notebook's directory; the executed copy is written to
<out-dir>/<name>.ipynb. Errors are recorded in the notebook rather than raised, so the caller sees them all.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for path in sys.argv[2:]:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, kernel_name="java", timeout=120, startup_timeout=60, allow_errors=True,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        client.execute()
        nbformat.write(notebook, os.path.join(out_dir, os.path.basename(path)))
        print("executed", path, flush=True)


if __name__ == "__main__":
    main()
