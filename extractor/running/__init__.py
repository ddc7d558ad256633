"""Running: the command line (`cli`), many documents in worker processes (`batch`), Spark
(`spark`) and Parquet output (`parquet`)."""
