"""The platform-neutral conversation engine every chat adapter talks to."""
