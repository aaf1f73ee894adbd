using System.CommandLine;
using EdgeML.Compiler;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Format;
using EdgeML.Runtime.Operators;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml inspect MODEL.edgeml [--json [FILE]]`: sections, sizes, operators, memory plan.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A .edgeml file (or .onnx: compiled in memory first, as `compile` would)" };
        var json = new Option<string?>("--json") { Description = "Print JSON instead of text (to FILE when given)", Arity = ArgumentArity.ZeroOrOne };
        var dims = CommonOptions.Dims();
        var cmd = new Command("inspect", "Show what a .edgeml file holds") { model, json, dims };
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            string path = p.GetRequiredValue(model);
            EdgeMLModel m;
            List<SectionEntry> sections;
            if (path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
            {
                var bytes = ModelCompiler.CompileFile(path, new CompileOptions { Dims = CommonOptions.ParseDims(p.GetValue(dims)) }).Bytes;
                m = EdgeMLModel.FromBytes(bytes, path);
                sections = SectionTable.Read(new MemoryStream(bytes), path);
            }
            else
            {
                m = EdgeMLModel.Load(path);
                sections = SectionTable.Read(path);
            }
            using var owned = m;
            var def = m.Definition;
            var ops = def.Graphs.SelectMany(g => g.Nodes).GroupBy(n => OpCatalog.Describe(n.Op)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => new { op = g.Key, count = g.Count() }).ToList();
            var constants = def.Values.Where(v => v.Constant != null).ToList();
            var report = new
            {
                file = path,
                fileBytes = m.FileLength,
                sections = sections.Select(s => new { kind = s.Kind.ToString(), offset = s.Offset, bytes = s.Size, xxhash64 = s.Hash.ToString("x16") }).ToList(),
                graphs = def.Graphs.Length,
                nodes = def.Graphs.Sum(g => g.Nodes.Length),
                values = def.Values.Length,
                constants = constants.Count,
                weightBytes = constants.Sum(v => v.Constant!.ByteLength),
                arenaBytes = def.Plan.ArenaSize,
                plannedValues = def.Plan.PlannedCount,
                inputs = def.Main.Inputs.Select(i => new { name = def.Values[i].Name, type = def.Values[i].Type.ToString(), shape = def.Values[i].ShapeText }).ToList(),
                outputs = def.Main.Outputs.Select(i => new { name = def.Values[i].Name, type = def.Values[i].Type.ToString(), shape = def.Values[i].ShapeText }).ToList(),
                operators = ops,
                metadata = def.Metadata,
                plan = Enumerable.Range(0, def.Values.Length).Where(i => def.Plan.Offsets[i] >= 0)
                    .Select(i => new { value = def.Values[i].Name, offset = def.Plan.Offsets[i], bytes = def.Plan.Sizes[i] }).ToList(),
            };
            var result = p.GetResult(json);
            if (result != null)
            {
                string text = JsonOutput.Serialize(report);
                string? file = p.GetValue(json);
                if (string.IsNullOrEmpty(file)) o.WriteLine(text);
                else JsonOutput.Write(file, report);
                return 0;
            }
            o.WriteLine($"{path}: {m.FileLength:N0} bytes, format {FormatConstants.MajorVersion}.{FormatConstants.MinorVersion}");
            o.WriteLine("sections:");
            foreach (var s in sections) o.WriteLine($"  {s.Kind,-22} offset {s.Offset,10:N0}  {s.Size,12:N0} bytes  xxh64 {s.Hash:x16}");
            o.WriteLine($"graphs {report.graphs}, nodes {report.nodes}, values {report.values}, constants {report.constants} ({report.weightBytes:N0} bytes)");
            o.WriteLine($"memory plan: arena {report.arenaBytes:N0} bytes for {report.plannedValues} values");
            o.WriteLine("inputs:");
            foreach (var i in report.inputs) o.WriteLine($"  {i.name}: {i.type}{i.shape}");
            o.WriteLine("outputs:");
            foreach (var i in report.outputs) o.WriteLine($"  {i.name}: {i.type}{i.shape}");
            o.WriteLine("operators:");
            foreach (var op in ops) o.WriteLine($"  {op.op,-28} {op.count}");
            if (def.Metadata.Count > 0)
            {
                o.WriteLine("metadata:");
                foreach (var (k, v) in def.Metadata.OrderBy(kv => kv.Key)) o.WriteLine($"  {k} = {v}");
            }
            return 0;
        });
        return cmd;
    }
}
