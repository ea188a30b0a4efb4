"""boto3-s3-presigned-post.py with a current boto3."""
import os
import runpy

runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "boto3-s3-presigned-post.py"), run_name="__main__")
