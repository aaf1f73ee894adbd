using Proto = EdgeML.Compiler.Onnx.Proto;
using EdgeML.Compiler.Onnx;
using EdgeML.Runtime;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Compiler.Tests.Onnx;

public class OnnxImporterTests
{
    [Fact]
    public void Unknown_operator_error_names_node_op_domain_and_opset()
    {
        var m = new OnnxModelBuilder(17);
        m.Graph.Input("x", DataType.Float, 2).Output("y", DataType.Float, 2);
        m.Graph.Node("FrobnicateFoo", ["x"], ["y"], name: "mystery");
        var e = Assert.Throws<EdgeMLException>(() => OnnxImporter.Load(m.ToBytes(), null));
        Assert.Equal("node 'mystery' (op type 'FrobnicateFoo', domain 'ai.onnx', opset 17): unknown operator", e.Message);
    }

    [Fact]
    public void Custom_domain_that_is_not_imported_is_named()
    {
        var m = new OnnxModelBuilder(17);
        m.Graph.Input("x", DataType.Float, 2).Output("y", DataType.Float, 2);
        m.Graph.Node("Thing", ["x"], ["y"], domain: "com.example", name: "n1");
        var e = Assert.Throws<EdgeMLException>(() => OnnxImporter.Load(m.ToBytes(), null));
        Assert.Contains("'com.example'", e.Message);
        Assert.Contains("n1", e.Message);
    }

    [Fact]
    public void Operator_used_before_its_first_opset_is_rejected()
    {
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("x", DataType.Float, 2).Output("y", DataType.Float, 2);
        m.Graph.Node("Gelu", ["x"], ["y"], name: "g");
        var e = Assert.Throws<EdgeMLException>(() => OnnxImporter.Load(m.ToBytes(), null));
        Assert.Contains("not defined at this opset (first defined at 20)", e.Message);
    }

    [Fact]
    public void Opset_newer_than_known_is_an_unsupported_opset()
    {
        var m = new OnnxModelBuilder(99);
        m.Graph.Input("x", DataType.Float, 2).Output("y", DataType.Float, 2);
        m.Graph.Node("Relu", ["x"], ["y"]);
        var e = Assert.Throws<EdgeMLException>(() => OnnxImporter.Load(m.ToBytes(), null));
        Assert.StartsWith("unsupported opset: the model uses ai.onnx opset 99", e.Message);
    }

    [Fact]
    public void Garbage_and_empty_files_are_rejected_in_one_line()
    {
        Assert.Contains("empty", Assert.Throws<EdgeMLException>(() => OnnxImporter.Load([], null)).Message);
        var rng = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[1 + rng.Next(300)];
            rng.NextBytes(bytes);
            var e = Assert.Throws<EdgeMLException>(() => OnnxImporter.Load(bytes, null));
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public void Mutated_onnx_files_fail_with_one_clean_error()
    {
        // A byte-mangled model (a bad download, a truncated copy) may still parse as protobuf: import,
        // compilation, loading and running must then fail only with EdgeMLException, or succeed.
        var valid = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "samples", "tiny-cnn", "tiny_cnn.onnx"));
        var rng = new Random(5);
        var unexpected = new List<string>();
        int compiled = 0;
        for (int trial = 0; trial < 1500; trial++)
        {
            var copy = (byte[])valid.Clone();
            int flips = 1 + rng.Next(3);
            for (int f = 0; f < flips; f++) copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
            if (rng.Next(4) == 0) copy = copy[..rng.Next(copy.Length)];
            try
            {
                var ir = OnnxImporter.Load(copy, null);
                var bytes = ModelCompiler.Compile(ir, new CompileOptions { Dims = new() { ["batch"] = 1 } }).Bytes;
                compiled++;
                using var model = Runtime.Execution.EdgeMLModel.FromBytes(bytes);
                // As in the reader's mutation test: a mutated shape may ask for gigabytes, the budget makes it an error.
                using var session = new Runtime.Execution.InferenceSession(model, new Runtime.Execution.SessionOptions { MaxTensorBytes = 1 << 20 });
                if (session.Inputs.Any(i => i.Shape == null)) continue;
                Runtime.IO.InputFeeder.Fill(session, null, new Dictionary<string, string>(), new Dictionary<string, long>());
                session.Run();
            }
            catch (EdgeMLException)
            {
                // Messages may quote mangled names (even with line breaks); the CLIs print them on one line.
            }
            catch (Exception e)
            {
                unexpected.Add($"trial {trial}: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")[..Math.Min(160, e.Message.Length)]} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            }
        }
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(15)) + $"\n({unexpected.Count} in all)");
        // Many mutations change only values (weights, attributes) and still compile: the later stages were exercised.
        Assert.True(compiled > 100, $"only {compiled} mutated models compiled");
    }

    [Fact]
    public void Reading_an_undefined_value_is_named()
    {
        var m = new OnnxModelBuilder(17);
        m.Graph.Input("x", DataType.Float, 2).Output("y", DataType.Float, 2);
        m.Graph.Node("Add", ["x", "ghost"], ["y"], name: "adder");
        var e = Assert.Throws<EdgeMLException>(() => OnnxImporter.Load(m.ToBytes(), null));
        Assert.Contains("reads 'ghost'", e.Message);
    }

    [Fact]
    public void Constant_nodes_become_constants_and_symbolic_dims_are_kept()
    {
        var m = new OnnxModelBuilder(17);
        m.Graph.Input("x", DataType.Float, "batch", 3).Output("y", DataType.Float, "batch", 3);
        m.Graph.Node("Constant", [], ["c"]).Attr("value_floats", new[] { 1f, 2f, 3f });
        m.Graph.Node("Add", ["x", "c"], ["y"]);
        var ir = OnnxImporter.Load(m.ToBytes(), null);
        Assert.Single(ir.Graph.Nodes);
        Assert.True(ir.Graph.Nodes[0].Inputs[1]!.IsConstant);
        Assert.Equal("batch", ir.Graph.Inputs[0].Shape![0].Symbol);
    }

    [Fact]
    public void External_data_is_read_from_the_model_folder()
    {
        // Build a model whose initializer lives in a side file, as large exporters write them.
        var dir = TestPaths.TempFolder();
        var w = new float[] { 1, 2, 3, 4 };
        File.WriteAllBytes(Path.Combine(dir, "weights.bin"), [.. new byte[8], .. System.Runtime.InteropServices.MemoryMarshal.AsBytes(w.AsSpan()).ToArray()]);
        var m = ExternalDataModel("weights.bin", offset: 8, length: 16);
        File.WriteAllBytes(Path.Combine(dir, "model.onnx"), m);
        var ir = OnnxImporter.LoadFile(Path.Combine(dir, "model.onnx"));
        var c = ir.Graph.Nodes[0].Inputs[1]!.Constant!;
        Assert.Equal(w, c.Span<float>().ToArray());
        File.Delete(Path.Combine(dir, "weights.bin"));
        Assert.Contains("external data file not found", Assert.Throws<EdgeMLException>(() => OnnxImporter.LoadFile(Path.Combine(dir, "model.onnx"))).Message);
    }

    private static byte[] ExternalDataModel(string location, long offset, long length)
    {
        var model = new Proto.ModelProto { IrVersion = 8, Graph = new Proto.GraphProto { Name = "g" } };
        model.OpsetImport.Add(new Proto.OperatorSetIdProto { Domain = "", Version = 17 });
        var init = new Proto.TensorProto { Name = "w", DataType = 1, DataLocation = Proto.TensorProto.Types.DataLocation.External };
        init.Dims.Add(4);
        init.ExternalData.Add(new Proto.StringStringEntryProto { Key = "location", Value = location });
        init.ExternalData.Add(new Proto.StringStringEntryProto { Key = "offset", Value = offset.ToString() });
        init.ExternalData.Add(new Proto.StringStringEntryProto { Key = "length", Value = length.ToString() });
        model.Graph.Initializer.Add(init);
        var tt = new Proto.TypeProto { TensorType = new Proto.TypeProto.Types.Tensor { ElemType = 1, Shape = new Proto.TensorShapeProto() } };
        tt.TensorType.Shape.Dim.Add(new Proto.TensorShapeProto.Types.Dimension { DimValue = 4 });
        model.Graph.Input.Add(new Proto.ValueInfoProto { Name = "x", Type = tt });
        model.Graph.Output.Add(new Proto.ValueInfoProto { Name = "y", Type = tt });
        var node = new Proto.NodeProto { OpType = "Add", Name = "add" };
        node.Input.Add("x");
        node.Input.Add("w");
        node.Output.Add("y");
        model.Graph.Node.Add(node);
        return Google.Protobuf.MessageExtensions.ToByteArray(model);
    }
}
