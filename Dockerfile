# toughclient: the bot server (Slack and Teams on one port).
# Build: docker build -t toughclient .
# Run:   docker run --env-file .env -p 3000:3000 -v toughclient-data:/data toughclient
# Several replicas on PostgreSQL: see compose.yaml and deploy/k8s/.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=3000 \
    # With no DATABASE_URL of your own, the data lives in SQLite on the /data volume
    # (one replica only); compose.yaml and deploy/k8s/ set a PostgreSQL URL instead.
    DATABASE_URL=sqlite:////data/toughclient.db

WORKDIR /app

# Dependencies first, from the lock file: exact versions, every file checked against
# its sha256 (pip refuses anything else), and cached apart from the code.
# Regenerate after changing pyproject.toml: see the header of requirements.lock.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

# Then the project itself (what .dockerignore leaves: code, migrations, prompts), with
# no dependency resolution and no build-time downloads: everything came from the lock.
COPY . .
RUN pip install --no-deps --no-build-isolation . \
    && useradd --create-home --uid 10001 toughclient \
    && mkdir -p /data && chown -R toughclient /app /data

USER toughclient
VOLUME /data
EXPOSE 3000

# Ready (database at the newest schema, platforms configured as meant): see /readyz.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/readyz' % os.environ.get('PORT', '3000'), timeout=4)" || exit 1

CMD ["python", "app.py", "serve"]
