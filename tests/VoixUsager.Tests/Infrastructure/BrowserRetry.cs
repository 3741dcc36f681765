using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace VoixUsager.Tests.Infrastructure;

// A real Chromium driving a real Kestrel on a two-core CI machine, beside a dozen other test
// applications, now and then waits out a timeout that has nothing to do with the page under test (a
// navigation that stalls 90 s while the machine is saturated). Such a browser test runs a second time,
// and fails only if it fails twice: a defect of the page fails both runs, as every assertion is the
// same. The first failure is always printed ("BROWSER TEST RETRIED") so that an intermittent failure is
// seen in the log and investigated, never hidden.

/// <summary>A browser test: a <see cref="FactAttribute"/> run a second time when its first run fails.</summary>
[XunitTestCaseDiscoverer("VoixUsager.Tests.Infrastructure.BrowserFactDiscoverer", "VoixUsager.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute;

/// <summary>A browser theory: each data row is run a second time when its first run fails.</summary>
[XunitTestCaseDiscoverer("VoixUsager.Tests.Infrastructure.BrowserTheoryDiscoverer", "VoixUsager.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute;

public sealed class BrowserFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new RetriedTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

public sealed class BrowserTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        yield return new RetriedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow);
    }
}

public sealed class RetriedTestCase : XunitTestCase
{
    private const int Runs = 2;

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer", error: true)]
    public RetriedTestCase()
    {
    }

    public RetriedTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod, object[]? testMethodArguments = null)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
    }

    /// <summary>The category infra/test.sh leaves out of the PostgreSQL pass: a page looks the same whatever the database.</summary>
    public const string Category = "Browser";

    protected override void Initialize()
    {
        base.Initialize();
        Traits.TryAdd("Category", []);
        if (!Traits["Category"].Contains(Category))
        {
            Traits["Category"].Add(Category);
        }
    }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        for (var run = 1; ; run++)
        {
            // The messages of a run are held back, so that a first run that failed leaves no failure behind.
            var held = new HeldMessageBus(messageBus);
            var summary = await base.RunAsync(diagnosticMessageSink, held, constructorArguments, aggregator, cancellationTokenSource);
            if (summary.Failed == 0 || aggregator.HasExceptions || run == Runs || cancellationTokenSource.IsCancellationRequested)
            {
                held.Release();
                return summary;
            }

            var failure = held.Failures.FirstOrDefault();
            Console.WriteLine($"BROWSER TEST RETRIED: {DisplayName} failed its run {run}, run again. First failure: "
                + (failure is null ? "(no message)" : string.Join(" | ", failure.ExceptionTypes.Zip(failure.Messages, (type, message) => $"{type}: {message}"))));
        }
    }

    private sealed class HeldMessageBus(IMessageBus inner) : IMessageBus
    {
        private readonly List<IMessageSinkMessage> messages = [];

        public IEnumerable<ITestFailed> Failures
        {
            get
            {
                lock (messages)
                {
                    return messages.OfType<ITestFailed>().ToList();
                }
            }
        }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            lock (messages)
            {
                messages.Add(message);
            }

            return true;
        }

        public void Release()
        {
            lock (messages)
            {
                foreach (var message in messages)
                {
                    inner.QueueMessage(message);
                }

                messages.Clear();
            }
        }

        public void Dispose()
        {
        }
    }
}
