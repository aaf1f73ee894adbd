using System.CommandLine;
using EdgeML.Training;
using EdgeML.Training.Pipeline;
using Spectre.Console;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml train`: parses options and hands over to <see cref="TrainingPipeline"/>; user errors become one line and exit 1.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data") { Description = "training data (.csv or .json array of objects)", Required = true };
        var label = new Option<string?>("--label") { Description = "label column (optional for clustering and anomaly)" };
        var task = new Option<string>("--task") { Description = "binary | multiclass | regression | ranking | clustering | anomaly", Required = true };
        var config = new Option<FileInfo?>("--config") { Description = "JSON config: framing, preparation, imbalance, CV, HPO, models, slices" };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "output directory", Required = true };
        var split = new Option<string?>("--split") { Description = "random | stratified | time | group" };
        var timeColumn = new Option<string?>("--time-column") { Description = "date column for --split time (default: the first date column)" };
        var groupColumn = new Option<string?>("--group-column") { Description = "group column (group split / leakage check; the query id for ranking)" };
        var models = new Option<string?>("--models") { Description = "comma-separated candidate models (default: the task's set)" };
        var robustness = new Option<bool>("--robustness") { Description = "run the eight robustness tests" };

        var command = new Command("train", "Train, evaluate against baselines, export model.onnx, and write metrics, predictions and report.html")
        {
            data, label, task, config, output, split, timeColumn, groupColumn, models, robustness,
        };
        command.SetAction(parse =>
        {
            try
            {
                var options = new TrainingOptions
                {
                    DataPath = parse.GetValue(data)!.FullName,
                    Label = parse.GetValue(label),
                    Task = parse.GetValue(task)!,
                    OutputDirectory = parse.GetValue(output)!.FullName,
                    Config = TrainingConfig.Load(parse.GetValue(config)?.FullName),
                    Split = parse.GetValue(split),
                    TimeColumn = parse.GetValue(timeColumn),
                    GroupColumn = parse.GetValue(groupColumn),
                    Models = parse.GetValue(models)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Robustness = parse.GetValue(robustness),
                };
                var result = RunWithProgress(options);
                Summarize(result, options.OutputDirectory);
                return 0;
            }
            catch (TrainingException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"edgeml: error: {e.Message.ReplaceLineEndings(" ")}");
                return 1;
            }
        });
        return command;
    }

    private static void Summarize(TrainingResult result, string outputDirectory)
    {
        var table = new Table().AddColumns("model", "kind", $"test {result.Objective}");
        foreach (var candidate in result.Candidates)
            table.AddRow(Markup.Escape(candidate.Name + (candidate.Name == result.BestModel && !candidate.IsBaseline ? " *" : "")),
                candidate.IsBaseline ? "baseline" : "model",
                candidate.TestMetrics.GetValueOrDefault(result.Objective, double.NaN).ToString("G5", System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        Console.WriteLine($"best: {result.BestModel} ({(result.BeatsAllBaselines ? "beats every baseline" : "does NOT beat every baseline")})");
        Console.WriteLine($"model.edgeml: {result.Deployment.EdgeML.Status}");
        foreach (var agreement in new[] { result.Deployment.OnnxRuntime, result.Deployment.EdgeMLVsTrained, result.Deployment.EdgeMLVsOnnxRuntime }.OfType<ExportAgreement>())
        {
            // Regression has no labels to agree on.
            string labels = double.IsNaN(agreement.LabelAgreement) ? "" : $", label agreement {agreement.LabelAgreement:P1}";
            Console.WriteLine($"{agreement.Engine} vs {agreement.Reference} on {agreement.Rows} test rows: max |diff| {agreement.MaxAbsoluteDifference:G3}{labels}");
        }
        Console.WriteLine($"report: {Path.Combine(outputDirectory, "report.html")}");
    }

    /// <summary>
    /// Runs the pipeline under a Spectre.Console progress display: one line for the current step, and a bar per counted
    /// stage (each candidate's cross-validation folds, the HPO trials).
    /// </summary>
    private static TrainingResult RunWithProgress(TrainingOptions options)
    {
        TrainingResult result = null!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var current = context.AddTask("starting").IsIndeterminate();
                var stages = new Dictionary<string, ProgressTask>();
                var steps = new ImmediateProgress<StepProgress>(step =>
                {
                    if (!stages.TryGetValue(step.Stage, out var bar)) stages[step.Stage] = bar = context.AddTask(Markup.Escape(step.Stage), maxValue: step.Total);
                    bar.Value = step.Done;
                });
                result = TrainingPipeline.Run(options with
                {
                    Progress = new ImmediateProgress<string>(message => current.Description = Markup.Escape(message)),
                    Steps = steps,
                });
                current.Description = "done";
                current.IsIndeterminate = false;
                current.Value = current.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and race the status display).</summary>
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
