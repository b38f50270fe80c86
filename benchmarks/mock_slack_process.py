"""The mock Slack Web API in a process of its own, so a benchmark measures our side.

    python -m benchmarks.mock_slack_process [--throttle-every N]

prints its API URL on the first line of stdout and serves until killed;
GET <base>/_stats says what it received.
"""

from __future__ import annotations

import argparse
import asyncio

from tests.slack.mock_slack import MockSlack


async def serve(throttle_every: int) -> None:
    mock = MockSlack(throttle_every=throttle_every)
    mock.calls = _Forgetful()  # ten thousand calls' bodies are not needed, only counts
    await mock.start()
    print(mock.api_url, flush=True)
    await asyncio.Event().wait()


class _Forgetful(list):  # type: ignore[type-arg]
    def append(self, item: object) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--throttle-every", type=int, default=0)
    asyncio.run(serve(parser.parse_args().throttle_every))


if __name__ == "__main__":
    main()
