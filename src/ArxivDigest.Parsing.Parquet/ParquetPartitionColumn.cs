namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>The column a Hive-style Parquet dataset is partitioned by (see <see cref="ParquetDatasetWriter"/>).</summary>
public enum ParquetPartitionColumn
{
    /// <summary><c>digest_date=2026-01-26</c>: the digest's date (YYYY-MM-DD).</summary>
    DigestDate = 0,

    /// <summary><c>main_category=cs.CV</c>: the paper's main category.</summary>
    MainCategory = 1,

    /// <summary><c>arxiv_year=2026</c>: the year of the paper's arXiv identifier.</summary>
    ArxivYear = 2,
}
