"""The Spark engine: the batch output of ``onrecord batch``, computed by Spark.

Stage one lists the input files (``binaryFile``, at any path Spark reads) and, with
``mapInArrow``, reads and analyses each file's articles inside the executors' Python
workers, each of which loads the pipeline once and keeps it for every task it runs
(Spark reuses its Python workers). Its rows are the ``analyses`` and ``errors``
datasets, and the rows of the flat tables, which Spark parses from JSON (no Python
worker) into ``articles``, ``attributions``, ``mentions`` and ``positions``. The corpus
stage (``batch.corpus``) then runs on the driver.

Run it with ``onrecord batch --engine spark``, or submit this file to a cluster::

    spark-submit --master yarn "$(python -c 'import onrecord.batch.spark_job as j;
    print(j.__file__)')" INPUT... --out DIR [--issue FILE]

Documents are read as ``onrecord read`` reads the same files (``api.read_document``),
so names, articles and errors are those of the local engine; one file is one task's
work, read whole into memory.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from onrecord import api
from onrecord.batch._summary import BatchSummary, finish
from onrecord.batch._tables import SCHEMAS, TABLES, Row, analysis_row, analysis_rows, error_row
from onrecord.batch._write import copy_issues, fresh_output
from onrecord.errors import ReadError
from onrecord.model import Analysis, Issue
from onrecord.settings import Settings

__all__ = ["main", "run_spark", "spark_session"]

# One row of stage one: an analysis (``record`` set, and its rows of each flat table as
# JSON, which Spark itself then parses and explodes) or an error (``reason`` set).
OUTCOMES = pa.schema(
    [
        *SCHEMAS["analyses"],
        *(f for f in SCHEMAS["errors"] if f.name in ("stage", "reason")),
        *(pa.field(f"{name}_rows", pa.string()) for name in TABLES),
    ]
)
_SPARK_TYPES = {pa.string(): "STRING", pa.int64(): "BIGINT", pa.float64(): "DOUBLE"}
FOLDER_FILES = "*.{jsonl,ndjson,warc,warc.gz,html,htm,xhtml,rss,atom,txt,text,xml}"
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def spark_session(master: str | None = None, app: str = "onrecord batch") -> SparkSession:
    """A session for the job: ``master`` when given (else spark-submit's), one BLAS
    thread per Python worker, partition folders read back as text (``month=2024-05``)."""
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
    builder = builder.config("spark.ui.showConsoleProgress", "false")  # stderr is for errors
    for name in THREAD_VARIABLES:
        builder = builder.config(f"spark.executorEnv.{name}", "1")
    return builder.getOrCreate()


def run_spark(
    inputs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    issues: Sequence[str | os.PathLike[str]] = (),
    aliases: str | os.PathLike[str] | None = None,
    master: str | None = None,
    settings: Settings | None = None,
    spark: SparkSession | None = None,
) -> BatchSummary:
    """Analyse the files of ``inputs`` with Spark into the datasets of ``out``, a new or
    empty folder on the driver's file system (the corpus stage reads it with pyarrow)."""
    settings = settings or Settings.load()
    issue_files = [Path(path) for path in issues]
    loaded = tuple(api.load_issue(path) for path in issue_files)  # a bad file fails first
    target = Path(out)
    fresh_output(target)
    spark = spark or spark_session(master)
    started = time.perf_counter()
    files = _files(spark, [os.fspath(i) for i in inputs])
    outcomes = files.mapInArrow(_analyse_files(settings, loaded), _ddl(OUTCOMES))
    outcomes = outcomes.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        _write_outcomes(outcomes, target)
    finally:
        outcomes.unpersist()
    counts = {name: _count(target, name) for name in ("analyses", *TABLES, "errors")}
    workers = spark.sparkContext.defaultParallelism
    summary = BatchSummary(str(target), "spark", workers, len(inputs))
    summary.issues = copy_issues(target, issue_files)
    return finish(summary, counts, aliases, time.perf_counter() - started)


def _files(spark: SparkSession, inputs: list[str]) -> DataFrame:
    """One row per input file (path, content), files spread over the default parallelism;
    in folders, the files whose names ``onrecord read`` reads in a folder."""
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    files = reader.option("pathGlobFilter", FOLDER_FILES).load(inputs)
    files = files.select("path", "content")
    return files.repartition(max(1, spark.sparkContext.defaultParallelism), "path")


def _write_outcomes(outcomes: DataFrame, out: Path) -> None:
    """Every dataset from the rows of stage one; the flat tables' rows are parsed from
    their JSON by Spark, with no Python worker."""
    analysed = outcomes.where(F.col("reason").isNull())
    analysed.select(*SCHEMAS["analyses"].names).write.partitionBy("month").parquet(
        str(out / "analyses")
    )
    errors = outcomes.where(F.col("reason").isNotNull()).select(*SCHEMAS["errors"].names)
    errors.coalesce(1).write.parquet(str(out / "errors"))
    for name in TABLES:
        parsed = F.from_json(F.col(f"{name}_rows"), f"ARRAY<STRUCT<{_ddl(SCHEMAS[name])}>>")
        rows = analysed.select(F.explode(parsed).alias("row")).select("row.*")
        rows.write.partitionBy("month").parquet(str(out / name))


def _count(out: Path, name: str) -> int:
    """Rows in one written dataset, from its Parquet footers."""
    files = [p for p in (out / name).rglob("*.parquet")] if (out / name).is_dir() else []
    return ds.dataset(files, format="parquet").count_rows() if files else 0


def _analyse_files(
    settings: Settings, issues: tuple[Issue, ...]
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The stage-one function Spark runs on each partition of input files."""

    def analyse(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for path, content in zip(
                batch.column("path").to_pylist(), batch.column("content").to_pylist(), strict=True
            ):
                rows = _file_outcomes(_local_name(path), content, settings, issues)
                yield pa.RecordBatch.from_pylist(rows, schema=OUTCOMES)

    return analyse


def _file_outcomes(
    name: str, content: bytes, settings: Settings, issues: tuple[Issue, ...]
) -> list[Row]:
    """Every article of one file analysed, or its error, as rows of stage one."""
    rows: list[Row] = []
    articles = []
    for seq, item in enumerate(api.read_document(content, name, settings)):
        if isinstance(item, ReadError):
            rows.append(_outcome(error_row(name, seq, item.document, "read", item.reason)))
        else:
            articles.append((seq, item))
    analyses = api.analyze_many((a for _, a in articles), settings, issues)
    for (seq, _), analysis in zip(articles, analyses, strict=True):
        rows.append(_analysed(name, seq, analysis))
    return sorted(rows, key=lambda row: row["seq"])


def _analysed(name: str, seq: int, analysis: Analysis) -> Row:
    if analysis.error:
        return _outcome(error_row(name, seq, analysis.article.name, "analyse", analysis.error))
    row = analysis_row(name, seq, analysis)
    for table, found in analysis_rows(analysis).items():
        row[f"{table}_rows"] = json.dumps(found, ensure_ascii=False)
    return _outcome(row)


def _outcome(row: Row) -> Row:
    return {field.name: row.get(field.name) for field in OUTCOMES}


def _local_name(path: str) -> str:
    """A local file as ``onrecord read`` names it (``file:/a/b.jsonl`` is ``/a/b.jsonl``);
    any other URI as Spark gives it."""
    if not path.startswith("file:"):
        return path
    local = path.removeprefix("file:")
    return "/" + local.lstrip("/")  # file:/a and file:///a alike


def _ddl(schema: pa.Schema) -> str:
    """A Spark DDL schema string for an Arrow schema of strings, integers, doubles and
    lists of strings."""
    return ", ".join(f"`{field.name}` {_spark_type(field.type)}" for field in schema)


def _spark_type(kind: pa.DataType) -> str:
    if pa.types.is_list(kind):
        return f"ARRAY<{_spark_type(kind.value_type)}>"
    return _SPARK_TYPES[kind]


def main(argv: Sequence[str] | None = None) -> int:
    """The spark-submit entry point: ``spark_job.py INPUT... --out DIR [--issue FILE]``."""
    parser = argparse.ArgumentParser(prog="onrecord-spark-job", description=__doc__)
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--out", required=True, metavar="DIR")
    parser.add_argument("--issue", action="append", default=[], metavar="FILE")
    parser.add_argument("--aliases", metavar="FILE")
    args = parser.parse_args(argv)
    summary = run_spark(args.inputs, args.out, issues=args.issue, aliases=args.aliases)
    print(json.dumps(summary.to_dict(), indent=2))
    return 1 if summary.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
