// placeholder: filled in by the issue-2 work in progress
#include <gradproof/gradproof.hpp>
