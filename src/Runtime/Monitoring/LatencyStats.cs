namespace EdgeML.Runtime.Monitoring;

/// <summary>Median, 10th and 90th percentile, minimum and mean of a set of timings (ms).</summary>
public sealed record LatencyStats(double Median, double P10, double P90, double Min, double Mean)
{
    public static LatencyStats Of(double[] times)
    {
        var s = (double[])times.Clone();
        Array.Sort(s);
        double At(double q) => s[Math.Clamp((int)Math.Round(q * (s.Length - 1)), 0, s.Length - 1)];
        return new LatencyStats(At(0.5), At(0.1), At(0.9), s[0], s.Average());
    }
}
