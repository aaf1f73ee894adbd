namespace EdgeML.Training.Data;

/// <summary>What a column holds once its raw cells have been read; decides how it becomes features.</summary>
public enum ColumnKind
{
    Numeric,
    Categorical,
    DateTime,
    /// <summary>Free text or an identifier (almost every value distinct): reported, never a feature.</summary>
    Text,
}
