"""Batch analysis of large corpora into Parquet datasets, on this machine or on Spark.

``onrecord batch`` reads every input, analyses each article with the same code as
``onrecord analyze`` (the pipeline loaded once per worker process or Spark executor),
and writes the datasets of docs/scale.md: ``analyses`` (each analysis whole),
``articles``, ``attributions``, ``mentions`` and ``positions`` (flat views, partitioned
by publication month), ``errors`` (each document that could not be read or analysed,
with its reason), then, across the corpus, ``actors`` and ``syndication``.
``onrecord load`` stores the result as ingest would have.

An adapter over the Python API: nothing in the library imports it. pyspark is needed
only for the Spark engine (``onrecord.batch.spark_job``), and imported only there.
"""

from onrecord.batch._summary import BatchSummary
from onrecord.batch._tables import SCHEMAS, TABLES, UNDATED, month_of
from onrecord.batch.corpus import CorpusFigures, write_corpus
from onrecord.batch.local import run_local

__all__ = [
    "SCHEMAS",
    "TABLES",
    "UNDATED",
    "BatchSummary",
    "CorpusFigures",
    "month_of",
    "run_local",
    "write_corpus",
]
