"""Demo content: each app contributes builders in its own `demo_content` module.

`load_demo_content` discovers those modules and runs the builders in order. A builder must be idempotent:
it looks its objects up by slug (or another natural key) before creating them.
"""

from .registry import DemoContext, demo_builder, registered_builders

__all__ = ["DemoContext", "demo_builder", "registered_builders"]
