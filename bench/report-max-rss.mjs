// Preloaded into the benchmarked child when GNU time is missing: prints the process's peak RSS on exit.
process.on("exit", () => {
  process.stderr.write(`max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
