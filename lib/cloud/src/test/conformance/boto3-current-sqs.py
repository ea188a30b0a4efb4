"""boto3-sqs.py with a current boto3, which speaks SQS's JSON 1.0 protocol."""
import os
import runpy

runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "boto3-sqs.py"), run_name="__main__")
