namespace EdgeML.Runtime.Format;

/// <summary>Section kinds of the .edgeml format (docs/format.md). Explicit constants: they are
/// part of the file format. Kinds below 16 are core; 16 and above are optional extensions that a
/// reader carries without understanding them.</summary>
public enum SectionKind : uint
{
    Strings = 1,
    Values = 2,
    Graphs = 3,
    Weights = 4,
    MemoryPlan = 5,
    Metadata = 6,

    CalibrationStatistics = 16,
    MonitoringBaseline = 17,
    PredictionCache = 18,
    Signature = 19,
}
