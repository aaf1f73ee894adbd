using ScottPlot;

namespace EdgeML.Training.Reports;

/// <summary>ScottPlot charts rendered to PNG and embedded as data URIs, so report.html is one self-contained file.</summary>
internal static class Charts
{
    private const int Width = 560;
    private const int Height = 360;
    /// <summary>Charts with the legend outside the data area, on the right.</summary>
    private const int WideWidth = 680;

    private static readonly Color Model = Color.FromHex("#1f77b4");
    private static readonly Color Baseline = Color.FromHex("#b0b0b0");

    private static string Embed(Plot plot, int width = Width, int height = Height) =>
        "data:image/png;base64," + Convert.ToBase64String(plot.GetImageBytes(width, height, ImageFormat.Png));

    public static string Line(string title, string xLabel, string yLabel, params (string Name, double[] X, double[] Y)[] series) =>
        Line(title, xLabel, yLabel, marked: 0, Alignment.LowerRight, series);

    /// <summary>Lines through points; the first <paramref name="marked"/> series also mark each point (sparse curves such as
    /// reliability bins or HPO trials), the rest (reference lines) do not. The legend sits inside the data area at
    /// <paramref name="legend"/>, or outside on the right when null (for curves that fill every corner).</summary>
    public static string Line(string title, string xLabel, string yLabel, int marked, Alignment? legend, params (string Name, double[] X, double[] Y)[] series)
    {
        var plot = new Plot();
        for (var i = 0; i < series.Length; i++)
        {
            var (name, x, y) = series[i];
            var scatter = plot.Add.Scatter(x, y);
            scatter.LegendText = name;
            scatter.MarkerSize = i < marked ? 6 : 0;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (series.Length > 1)
        {
            if (legend is { } inside) plot.ShowLegend(inside);
            else
            {
                plot.ShowLegend(Edge.Right);
                return Embed(plot, WideWidth);
            }
        }
        return Embed(plot);
    }

    public static string Points(string title, string xLabel, string yLabel, double[] x, double[] y, bool diagonal)
    {
        var plot = new Plot();
        var points = plot.Add.ScatterPoints(x, y);
        points.MarkerSize = 4;
        points.LegendText = "test rows";
        if (diagonal && x.Length > 0)
        {
            var low = Math.Min(x.Min(), y.Min());
            var high = Math.Max(x.Max(), y.Max());
            plot.Add.Line(low, low, high, high).LegendText = "predicted = actual";
            plot.ShowLegend(Alignment.UpperLeft);
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return Embed(plot);
    }

    /// <summary>Horizontal bars, one per label (first label at the bottom); bars flagged in <paramref name="muted"/> are grey
    /// and the legend then names both kinds (<paramref name="mutedName"/>, <paramref name="otherName"/>).</summary>
    public static string Bars(string title, string xLabel, string[] labels, double[] values, bool[]? muted = null, string otherName = "model",
        string mutedName = "baseline")
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(values.Select((v, i) => new Bar
        {
            Position = i, Value = v, FillColor = muted?[i] == true ? Baseline : Model, LineColor = Colors.Black, LineWidth = 0.5f,
        }).ToList());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
        plot.Title(title);
        plot.XLabel(xLabel);
        if (muted is not null && muted.Any(m => m) && muted.Any(m => !m))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = otherName, FillColor = Model });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = mutedName, FillColor = Baseline });
            plot.ShowLegend(Edge.Right);
            return Embed(plot, WideWidth);
        }
        return Embed(plot);
    }

    /// <summary>A small histogram (EDA: one per numeric column).</summary>
    public static string Histogram(string title, string xLabel, double[] values, int bins = 20)
    {
        var plot = new Plot();
        values = values.Where(double.IsFinite).ToArray();
        if (values.Length > 0)
        {
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, values.Min(), values.Max() + 1e-9);
            histogram.AddRange(values);
            plot.Add.Histogram(histogram);
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("rows");
        plot.Axes.Margins(bottom: 0);
        return Embed(plot, 360, 240);
    }
}
