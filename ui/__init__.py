"""The web UI: ``ui.app.build_app(services)`` builds the Gradio chat and TL;DR digest."""
