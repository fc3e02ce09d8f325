"""Convert an archive of NewsML-G2 files to articlekit JSON Lines with a Dask bag.

Each file (a single item or a whole news message) becomes one line per article; the files are
spread over Dask's workers, so the same code runs on a laptop or on a cluster, and the paths
may be local or in object storage (``s3://``, ``gs://``, ... through fsspec).
"""

from __future__ import annotations

from typing import Any

import dask.bag as db
import fsspec

from articlekit import jsonl, newsml


def json_lines(file: fsspec.core.OpenFile) -> list[str]:
    """The articles of one NewsML-G2 file, as lines of articlekit JSON."""
    with file as source:
        return jsonl.dumps(newsml.iter_articles(source)).split("\n")[:-1]


def convert_archive(sources: str, target: str, **compute: Any) -> None:
    """Convert every file matching *sources* into JSON Lines files named by *target*.

    Args:
        sources: A glob of input files, e.g. ``"s3://archive/newsml/*.xml"``.
        target: Output files with one ``*`` for the partition number, e.g.
            ``"s3://archive/jsonl/*.jsonl"``.
        compute: Options for Dask's ``compute``, e.g. ``scheduler="processes"``.
    """
    files = fsspec.open_files(sources, "rb")
    lines = db.from_sequence(files, partition_size=100).map(json_lines).flatten()
    lines.to_textfiles(target, last_endline=True, **compute)


if __name__ == "__main__":
    import sys

    convert_archive(sys.argv[1], sys.argv[2])
