namespace EdgeML.Cli;

/// <summary>What loading and running a model cost one engine in a fresh process: resident memory before
/// loading, at the peak, their difference, and the load and first-run times.</summary>
public sealed record EngineFootprint(long RssBeforeBytes, long PeakRssBytes, long PeakGrowthBytes, double LoadMs, double FirstRunMs);
