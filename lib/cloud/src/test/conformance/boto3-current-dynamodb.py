"""boto3-dynamodb.py with a current boto3."""
import os
import runpy

runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "boto3-dynamodb.py"), run_name="__main__")
