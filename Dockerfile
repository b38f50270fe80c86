# toughclient: the bot server (Slack and Teams on one port).
# Build: docker build -t toughclient .
# Run:   docker run --env-file .env -p 3000:3000 toughclient
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=3000

WORKDIR /app

# The project as a whole (what .dockerignore leaves): code, migrations, prompts.
# `python app.py` runs from /app, so the migrations beside the code are found.
COPY . .
RUN pip install . \
    && useradd --create-home --uid 10001 toughclient \
    && chown -R toughclient /app

USER toughclient
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '3000'), timeout=4)" || exit 1

CMD ["python", "app.py", "serve"]
