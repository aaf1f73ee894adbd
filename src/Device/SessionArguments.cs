using System.CommandLine;
using System.Diagnostics;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.IO;

namespace EdgeML.Device;

/// <summary>The arguments every model-running command takes (the host CLI's names and meanings), and
/// opening a session from them: load the .edgeml file, start the session, fill its inputs.</summary>
public sealed class SessionArguments
{
    private readonly Argument<string> _model = new("model") { Description = "A .edgeml file (compile ONNX with `edgeml compile` on the host)" };
    private readonly Option<string?> _inputs = new("--inputs")
    {
        Description = "Folder with one NAME.npy per input (characters outside A-Za-z0-9_.- in NAME become _); missing inputs are random",
    };
    private readonly Option<string[]> _input = new("--input") { Description = "One input, NAME=FILE.npy (repeatable)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string[]> _dims = new("--dim") { Description = "Size of a symbolic dimension, NAME=VALUE (repeatable)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<int> _threads = new("--threads") { Description = "Intra-op threads (1: the calling thread only)", DefaultValueFactory = _ => 1 };
    private readonly Option<long> _maxTensorBytes = new("--max-tensor-bytes")
    {
        Description = "Fail with an error instead of allocating a value larger than this (0: no limit)",
        DefaultValueFactory = _ => 0,
    };
    private readonly Option<string?> _json = new("--json") { Description = "Also write the figures as JSON to this file" };

    /// <summary>Adds the model argument and the shared options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(_model);
        command.Add(_inputs);
        command.Add(_input);
        command.Add(_dims);
        command.Add(_threads);
        command.Add(_maxTensorBytes);
        command.Add(_json);
    }

    public string ModelPath(ParseResult p) => p.GetRequiredValue(_model);
    public int Threads(ParseResult p) => Math.Max(1, p.GetValue(_threads));
    public string? JsonPath(ParseResult p) => p.GetValue(_json);

    /// <summary>Loads the model, starts a session and fills its inputs (notes go to the command's output);
    /// returns how long loading and starting took.</summary>
    public (EdgeMLModel Model, InferenceSession Session, double LoadMs) Open(ParseResult p)
    {
        var load = Stopwatch.StartNew();
        var model = EdgeMLModel.Load(ModelPath(p));
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, new SessionOptions { IntraOpThreads = Threads(p), MaxTensorBytes = p.GetValue(_maxTensorBytes) });
        }
        catch
        {
            model.Dispose();
            throw;
        }
        double loadMs = load.Elapsed.TotalMilliseconds;
        try
        {
            var notes = InputFeeder.Fill(session, p.GetValue(_inputs), InputFeeder.ParseInputFiles(p.GetValue(_input)), InputFeeder.ParseDims(p.GetValue(_dims)));
            foreach (var note in notes) p.InvocationConfiguration.Output.WriteLine($"note: {note}");
        }
        catch
        {
            session.Dispose();
            model.Dispose();
            throw;
        }
        return (model, session, loadMs);
    }
}
