from extractor.running.cli import main

main()
