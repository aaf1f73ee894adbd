namespace EdgeML.Runtime.Monitoring;

/// <summary>How a feature's training distribution is summarised (a byte in the MonitoringBaseline section).</summary>
public enum BaselineFeatureKind : byte
{
    /// <summary>Quantiles, an equal-width histogram, mean and standard deviation.</summary>
    Numeric = 0,
    /// <summary>Frequencies of the categories seen in training.</summary>
    Categorical = 1,
}
